import type { DemoDistrict, PlanArea, PlanLine, PlanVertex, Xy } from './DemoDistrict';
import type { Random } from './random';
import { xmlEscape } from './xmlEscape';
import { DEMO_TEXTS, textsOf } from './demoTexts';

const SRS = 'EPSG:25832';

/** Metadata of the generated plan. */
export const DEMO_PLAN = {
  name: 'Planlotse-Demo 1 (generiert)',
  nummer: 'Demo 1',
  /** BP_Rechtsstand 2000 = Entwurf: a draft, so nobody mistakes it for law. */
  rechtsstand: '2000',
  aufstellungsbeschlussDatum: '2025-03-12',
  technHerstellDatum: '2026-01-01',
};

/**
 * The district's plan as an XPlanGML 6.0 Bebauungsplan (GML 3.2): one
 * BP_Plan with one BP_Bereich and its Planinhalte, property names and order
 * as in Hamburg's XPlanGML 6.0 files (XP_Objekt: hoehenangabe,
 * gehoertZuBereich; BP_Objekt: rechtscharakter; position, flaechenschluss,
 * then the class's own attributes). Arc edges become `gml:Arc`
 * (circularArc3Points) inside a `gml:Ring` of curve members.
 *
 * @example await writeFile('bplan.gml', writeXPlanGml(generateDistrict(), new Random(1)));
 */
export function writeXPlanGml(d: DemoDistrict, rng: Random): string {
  const [ox, oy] = d.origin;
  const gid = () => `Gml_${rng.uuid()}`;
  const planId = `GML_${rng.uuid().toLowerCase()}`, bereichId = `GML_${rng.uuid().toLowerCase()}`;
  const pt = (p: Xy) => `${(p[0] + ox).toFixed(3)} ${(p[1] + oy).toFixed(3)}`;
  const env = (pts: Xy[], ind: string) => {
    const xs = pts.map((p) => p[0]), ys = pts.map((p) => p[1]);
    return [
      `${ind}<gml:boundedBy>`, `${ind}  <gml:Envelope srsName="${SRS}">`,
      `${ind}    <gml:lowerCorner>${pt([Math.min(...xs), Math.min(...ys)])}</gml:lowerCorner>`,
      `${ind}    <gml:upperCorner>${pt([Math.max(...xs), Math.max(...ys)])}</gml:upperCorner>`,
      `${ind}  </gml:Envelope>`, `${ind}</gml:boundedBy>`,
    ].join('\n');
  };
  const posList = (pts: Xy[]) => pts.map(pt).join(' ');
  const linearRing = (ring: Xy[], ind: string) => [`${ind}<gml:LinearRing>`, `${ind}  <gml:posList srsName="${SRS}">${posList([...ring, ring[0]])}</gml:posList>`, `${ind}</gml:LinearRing>`].join('\n');
  const curveRing = (ring: PlanVertex[], ind: string) => {
    const out = [`${ind}<gml:Ring>`];
    // Straight runs become one LineString each, arcs one Curve with an Arc segment.
    let run: Xy[] = [ring[0].p];
    const flush = () => {
      if (run.length < 2) return;
      out.push(`${ind}  <gml:curveMember>`, `${ind}    <gml:LineString gml:id="${gid()}" srsName="${SRS}">`, `${ind}      <gml:posList>${posList(run)}</gml:posList>`, `${ind}    </gml:LineString>`, `${ind}  </gml:curveMember>`);
    };
    for (let i = 0; i < ring.length; i++) {
      const v = ring[i], next = ring[(i + 1) % ring.length].p;
      if (v.arcMid) {
        flush();
        out.push(`${ind}  <gml:curveMember>`, `${ind}    <gml:Curve gml:id="${gid()}" srsName="${SRS}">`, `${ind}      <gml:segments>`,
          `${ind}        <gml:Arc interpolation="circularArc3Points" numArc="1">`, `${ind}          <gml:posList srsName="${SRS}">${posList([v.p, v.arcMid, next])}</gml:posList>`,
          `${ind}        </gml:Arc>`, `${ind}      </gml:segments>`, `${ind}    </gml:Curve>`, `${ind}  </gml:curveMember>`);
        run = [next];
      } else run.push(next);
    }
    flush();
    out.push(`${ind}</gml:Ring>`);
    return out.join('\n');
  };
  const polygon = (ext: PlanVertex[], holes: Xy[][] | undefined, ind: string) => {
    const curved = ext.some((v) => v.arcMid);
    const out = [`${ind}<gml:Polygon gml:id="${gid()}" srsName="${SRS}">`, `${ind}  <gml:exterior>`];
    out.push(curved ? curveRing(ext, `${ind}    `) : linearRing(ext.map((v) => v.p), `${ind}    `));
    out.push(`${ind}  </gml:exterior>`);
    for (const h of holes ?? []) out.push(`${ind}  <gml:interior>`, linearRing(h, `${ind}    `), `${ind}  </gml:interior>`);
    out.push(`${ind}</gml:Polygon>`);
    return out.join('\n');
  };

  const member = (body: string) => `  <gml:featureMember>\n${body}\n  </gml:featureMember>`;
  const ind = '      ';
  const areaXml = (a: PlanArea) => {
    const pts = a.exterior.map((v) => v.p);
    const o: string[] = [`    <xplan:${a.featureClass} gml:id="${a.id}">`, env(pts, ind)];
    // XP_Objekt: free text (the park's or street's name) and gliederung1 (the label on the plan, e.g. "WA 1").
    if (a.name && a.featureClass !== 'SO_Gewaesser') o.push(`${ind}<xplan:text>${xmlEscape(a.name)}</xplan:text>`);
    if (a.featureClass === 'BP_BaugebietsTeilFlaeche' || a.featureClass === 'BP_GemeinbedarfsFlaeche') o.push(`${ind}<xplan:gliederung1>${xmlEscape(a.label)}</xplan:gliederung1>`);
    if (a.height) {
      o.push(`${ind}<xplan:hoehenangabe>`, `${ind}  <xplan:XP_Hoehenangabe>`, `${ind}    <xplan:hoehenbezug>${a.height.hoehenbezug}</xplan:hoehenbezug>`,
        `${ind}    <xplan:bezugspunkt>${a.height.bezugspunkt}</xplan:bezugspunkt>`, `${ind}    <xplan:hMax uom="m">${a.height.hMax}</xplan:hMax>`,
        `${ind}  </xplan:XP_Hoehenangabe>`, `${ind}</xplan:hoehenangabe>`);
    }
    o.push(`${ind}<xplan:gehoertZuBereich xlink:href="#${bereichId}"/>`, `${ind}<xplan:rechtscharakter>1000</xplan:rechtscharakter>`);
    for (const t of textsOf(a)) o.push(`${ind}<xplan:refTextInhalt xlink:href="#${t.id}"/>`);
    o.push(`${ind}<xplan:position>`, polygon(a.exterior, a.holes, `${ind}  `), `${ind}</xplan:position>`);
    o.push(`${ind}<xplan:flaechenschluss>${a.flaechenschluss}</xplan:flaechenschluss>`);
    if (a.featureClass === 'SO_Gewaesser') {
      o.push(`${ind}<xplan:artDerFestlegung>`, `${ind}  <xplan:SO_KomplexeFestlegungGewaesser>`, `${ind}    <xplan:allgemein>${a.zweckbestimmung?.[0] ?? '1300'}</xplan:allgemein>`, `${ind}  </xplan:SO_KomplexeFestlegungGewaesser>`, `${ind}</xplan:artDerFestlegung>`);
      if (a.name) o.push(`${ind}<xplan:name>${xmlEscape(a.name)}</xplan:name>`);
    } else {
      if (a.gfz !== undefined) o.push(`${ind}<xplan:GFZ>${a.gfz}</xplan:GFZ>`);
      if (a.grz !== undefined) o.push(`${ind}<xplan:GRZ>${a.grz}</xplan:GRZ>`);
      if (a.zmax !== undefined) o.push(`${ind}<xplan:Zmax>${a.zmax}</xplan:Zmax>`);
      if (a.featureClass === 'BP_BaugebietsTeilFlaeche') {
        if (a.allgArt) o.push(`${ind}<xplan:allgArtDerBaulNutzung>${a.allgArt}</xplan:allgArtDerBaulNutzung>`);
        if (a.besondereArt) o.push(`${ind}<xplan:besondereArtDerBaulNutzung>${a.besondereArt}</xplan:besondereArtDerBaulNutzung>`);
      }
      if (a.bauweise) o.push(`${ind}<xplan:bauweise>${a.bauweise}</xplan:bauweise>`);
      if (a.bebauungsArt) o.push(`${ind}<xplan:bebauungsArt>${a.bebauungsArt}</xplan:bebauungsArt>`);
      const komplex = a.featureClass === 'BP_GemeinbedarfsFlaeche' ? 'BP_KomplexeZweckbestGemeinbedarf' : a.featureClass === 'BP_GruenFlaeche' ? 'BP_KomplexeZweckbestGruen' : undefined;
      if (komplex) for (const z of a.zweckbestimmung ?? []) o.push(`${ind}<xplan:zweckbestimmung>`, `${ind}  <xplan:${komplex}>`, `${ind}    <xplan:allgemein>${z}</xplan:allgemein>`, `${ind}  </xplan:${komplex}>`, `${ind}</xplan:zweckbestimmung>`);
      if (a.nutzungsform) o.push(`${ind}<xplan:nutzungsform>${a.nutzungsform}</xplan:nutzungsform>`);
      if (a.featureClass === 'BP_GemeinbedarfsFlaeche') o.push(`${ind}<xplan:zugunstenVon>Freie und Hansestadt Hamburg</xplan:zugunstenVon>`);
    }
    o.push(`    </xplan:${a.featureClass}>`);
    return member(o.join('\n'));
  };
  const lineXml = (l: PlanLine) => member([
    `    <xplan:${l.featureClass} gml:id="${l.id}">`, env(l.points, ind),
    `${ind}<xplan:gehoertZuBereich xlink:href="#${bereichId}"/>`, `${ind}<xplan:rechtscharakter>1000</xplan:rechtscharakter>`,
    `${ind}<xplan:position>`, `${ind}  <gml:LineString gml:id="${gid()}" srsName="${SRS}">`, `${ind}    <gml:posList>${posList(l.points)}</gml:posList>`, `${ind}  </gml:LineString>`, `${ind}</xplan:position>`,
    `    </xplan:${l.featureClass}>`,
  ].join('\n'));

  const boundary = d.planBoundary;
  const plan = member([
    `    <xplan:BP_Plan gml:id="${planId}">`, env(boundary, ind),
    `${ind}<xplan:name>${xmlEscape(DEMO_PLAN.name)}</xplan:name>`,
    `${ind}<xplan:nummer>${DEMO_PLAN.nummer}</xplan:nummer>`,
    `${ind}<xplan:beschreibung>Generierte Demodaten – kein amtlicher Plan. Fiktiver Bebauungsplanentwurf für ein Quartier in Hamburg-Hamm zwischen Mühlenkanal und Eichkamp, erzeugt von Planlotse (npm run demo-data).</xplan:beschreibung>`,
    `${ind}<xplan:technHerstellDatum>${DEMO_PLAN.technHerstellDatum}</xplan:technHerstellDatum>`,
    `${ind}<xplan:erstellungsMassstab>1000</xplan:erstellungsMassstab>`,
    `${ind}<xplan:raeumlicherGeltungsbereich>`, polygon(boundary.map((p) => ({ p })), undefined, `${ind}  `), `${ind}</xplan:raeumlicherGeltungsbereich>`,
    ...DEMO_TEXTS.map((t) => `${ind}<xplan:texte xlink:href="#${t.id}"/>`),
    `${ind}<xplan:gemeinde>`, `${ind}  <xplan:XP_Gemeinde>`, `${ind}    <xplan:ags>02000000</xplan:ags>`, `${ind}    <xplan:gemeindeName>Freie und Hansestadt Hamburg</xplan:gemeindeName>`, `${ind}    <xplan:ortsteilName>Hamm</xplan:ortsteilName>`, `${ind}  </xplan:XP_Gemeinde>`, `${ind}</xplan:gemeinde>`,
    `${ind}<xplan:plangeber>`, `${ind}  <xplan:XP_Plangeber>`, `${ind}    <xplan:name>Planlotse (generiert)</xplan:name>`, `${ind}  </xplan:XP_Plangeber>`, `${ind}</xplan:plangeber>`,
    `${ind}<xplan:planArt>1000</xplan:planArt>`,
    `${ind}<xplan:rechtsstand>${DEMO_PLAN.rechtsstand}</xplan:rechtsstand>`,
    `${ind}<xplan:aufstellungsbeschlussDatum>${DEMO_PLAN.aufstellungsbeschlussDatum}</xplan:aufstellungsbeschlussDatum>`,
    `${ind}<xplan:versionBauNVO>`, `${ind}  <xplan:XP_GesetzlicheGrundlage>`, `${ind}    <xplan:datum>2023-07-03</xplan:datum>`, `${ind}  </xplan:XP_GesetzlicheGrundlage>`, `${ind}</xplan:versionBauNVO>`,
    `${ind}<xplan:bereich xlink:href="#${bereichId}"/>`,
    '    </xplan:BP_Plan>',
  ].join('\n'));
  const bereich = member([
    `    <xplan:BP_Bereich gml:id="${bereichId}">`, env(boundary, ind),
    `${ind}<xplan:nummer>0</xplan:nummer>`,
    `${ind}<xplan:geltungsbereich>`, polygon(boundary.map((p) => ({ p })), undefined, `${ind}  `), `${ind}</xplan:geltungsbereich>`,
    ...[...d.planAreas, ...d.planLines].map((f) => `${ind}<xplan:planinhalt xlink:href="#${f.id}"/>`),
    `${ind}<xplan:gehoertZuPlan xlink:href="#${planId}"/>`,
    '    </xplan:BP_Bereich>',
  ].join('\n'));
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!-- Planlotse demo plan: generated data, not an official plan (Generierte Demodaten – kein amtlicher Plan). CC0. -->',
    `<xplan:XPlanAuszug xmlns:xplan="http://www.xplanung.de/xplangml/6/0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.xplanung.de/xplangml/6/0 http://www.xplanungwiki.de/upload/XPlanGML/6.0/Schema/XPlanung-Operationen.xsd" gml:id="${gid()}">`,
    env(boundary, '  '),
    plan,
    bereich,
    ...d.planAreas.map(areaXml),
    // Textual rules (XPlanGML 6.0 BP_TextAbschnitt: schluessel, text, rechtscharakter), referenced by the plan and its areas.
    ...DEMO_TEXTS.map((t) => member([
      `    <xplan:BP_TextAbschnitt gml:id="${t.id}">`, `${ind}<xplan:schluessel>${xmlEscape(t.schluessel)}</xplan:schluessel>`,
      `${ind}<xplan:text>${xmlEscape(t.text)}</xplan:text>`, `${ind}<xplan:rechtscharakter>1000</xplan:rechtscharakter>`, '    </xplan:BP_TextAbschnitt>',
    ].join('\n'))),
    ...d.planLines.map(lineXml),
    '</xplan:XPlanAuszug>',
    '',
  ].join('\n');
}
