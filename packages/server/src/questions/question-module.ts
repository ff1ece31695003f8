import type { PublicConfig, PublicQuestion } from '@snag/protocol';
import { HttpError } from '../http/errors.js';
import { defaultSdkDistDir, sdkFileLoader } from '../sdk-assets/sdk-files.js';

/** Where the question chunk registers its functions (`QUESTIONS_GLOBAL` and `START_GLOBAL` in the SDK's constants). */
const QUESTIONS_GLOBAL = '__snagQuestions';
const START_GLOBAL = '__snagStart';

export type ModuleBuilder = ReturnType<typeof questionModules>;

/**
 * The ES modules the SDK imports, built around the SDK's question chunk (read from the built
 * SDK, so the server serves the chunk of its own version):
 * - `questionsModule`: `/v1/questions.js`, imported at each struggle by cores before `/v1/config.js`;
 * - `configModule`: `/v1/config.js`, imported once per page by today's core: `config` (the same
 *   JSON as `/v1/config`), and a default export that hands the recording settings to the core
 *   (`ctx.options.remote`), starts questions and the feedback tab and returns what takes the
 *   page's struggle signals. The chunk's code is in it only when a
 *   question is live or the feedback tab is on; otherwise the default export does nothing.
 */
export function questionModules(distDir: string = defaultSdkDistDir()) {
  const sdkFiles = sdkFileLoader(distDir);
  const chunk = (needed: boolean) => {
    if (!needed) return undefined;
    const file = sdkFiles()?.questions;
    if (!file) throw new HttpError(404, 'sdk_not_built', 'the browser SDK is not built; run `pnpm build`');
    return file.body.toString('utf8');
  };
  return {
    questionsModule(questions: PublicQuestion[]): string {
      const code = chunk(questions.length > 0);
      return code
        ? `${code}\nexport default window.${QUESTIONS_GLOBAL}.bind(null, ${JSON.stringify(questions)});\n`
        : '// No question is being asked in this project.\nexport default () => {};\n';
    },
    configModule(config: PublicConfig, questions: PublicQuestion[]): string {
      const head = `export const config = ${JSON.stringify(config)};\n`;
      // The core's options get the recording settings, which it passes to the recorder (the SDK's apply-remote.ts).
      const remote = 'ctx.options.remote = config.recording;';
      const code = chunk(questions.length > 0 || config.feedback !== null);
      return code
        ? `${head}${code}\nconst start = window.${START_GLOBAL}.bind(null, ${JSON.stringify(questions)}, config.feedback);\n` +
            `export default (ctx, onStop) => {\n  ${remote}\n  return start(ctx, onStop);\n};\n`
        : `${head}// No question is being asked and the feedback tab is off.\nexport default (ctx) => {\n  ${remote}\n};\n`;
    },
  };
}
