// The child process that judges uploaded documents (see document-check.ts).
// Plain JavaScript, so it starts however the server was started: it loads
// the TypeScript module with tsx's own scoped loader.
import { tsImport } from 'tsx/esm/api';

const { checkDocumentFile } = await tsImport('./document-check-job.ts', import.meta.url);

process.on('message', async (job) => {
  let result;
  try {
    result = await checkDocumentFile(job);
  } catch (error) {
    // Not a finding about the file (a read or write failed): the server answers 500.
    result = { ok: false, failed: true, reason: `${error instanceof Error ? `${error.name}: ${error.message}` : typeof error}`.slice(0, 300) };
  }
  process.send({ id: job.id, result, rss: process.memoryUsage.rss() });
});
// The parent's channel closing (it stopped or crashed) ends this process too.
process.on('disconnect', () => process.exit(0));
process.send({ ready: true });
