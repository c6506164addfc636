// `npm run analyze -- <shadows|sunhours|sunpoints|overlaps|compliance> --key value …`
// Thin CLI over src/core/analysis (the same request functions the browser worker runs).
import { parseAnalyzeArgs } from './analyze/analyzeArgs';
import { AnalyzeUsageError, cliErrorText, cliMessageText, langFromArgv } from './analyze/cliError';
import { runAnalyzeCommand } from './analyze/runAnalyzeCommand';

// Errors and the usage text come in the `--lang` language (English by default) through the one i18n API.
const argv = process.argv.slice(2);
const lang = langFromArgv(argv);
const usage = () => cliMessageText({ code: 'cli.analyze.usage' }, lang);

runAnalyzeCommand(parseAnalyzeArgsSafe()).then(
  (summary) => {
    console.log(summary);
    process.exit(0);
  },
  (e: unknown) => {
    console.error(cliErrorText(e, lang));
    if (e instanceof AnalyzeUsageError) console.error(usage());
    process.exit(e instanceof AnalyzeUsageError ? 2 : 1);
  },
);

function parseAnalyzeArgsSafe() {
  try {
    return parseAnalyzeArgs(argv);
  } catch (e) {
    console.error(cliErrorText(e, lang));
    console.error(usage());
    process.exit(2);
  }
}
