// The reference for `make bench`: the same questionnaire as a page built
// with SurveyJS (survey-core and survey-js-ui from npm), one question per
// page, English texts, each page answered before "Next". It is built into
// target/, never into dist/, and served on 127.0.0.1 beside the widget.
import { createServer } from 'node:http';
import { readFile, writeFile, mkdir, copyFile } from 'node:fs/promises';
import { join, extname, normalize } from 'node:path';

const LIBRARY = [
  ['node_modules/survey-core/survey.core.min.js', 'survey.core.min.js'],
  ['node_modules/survey-js-ui/survey-js-ui.min.js', 'survey-js-ui.min.js'],
  ['node_modules/survey-core/survey-core.min.css', 'survey-core.min.css'],
];

/** The questionnaire of docs/tree.json as a SurveyJS model: each question or checklist a page. */
export function surveyModel(tree) {
  const choice = (o) => ({ value: o.answer, text: o.label });
  const pages = tree.nodes
    .filter((n) => n.kind === 'question' || n.kind === 'checklist')
    .map((n) => ({
      name: n.id,
      elements: [
        n.kind === 'question'
          ? { type: 'radiogroup', name: n.id, title: n.title, isRequired: true, choices: n.options.map(choice) }
          : {
              type: 'checkbox',
              name: n.id,
              title: n.title,
              isRequired: true,
              choices: n.items.map(choice),
              // An exclusive answer clears the ticks, as on the widget's checklists.
              ...(n.exclusive.length ? { showNoneItem: true, noneText: n.exclusive[0].label } : {}),
            },
      ],
    }));
  return { title: 'cyberscreen (SurveyJS reference)', pages, showQuestionNumbers: 'off' };
}

/** Writes the reference page and its files into `dir`; returns their names, the page first. */
export async function buildReference(dir) {
  await mkdir(dir, { recursive: true });
  const tree = JSON.parse(await readFile('docs/tree.json', 'utf8'));
  for (const [from, to] of LIBRARY) await copyFile(from, join(dir, to));
  const model = JSON.stringify(surveyModel(tree)).replaceAll('<', '\\u003c');
  await writeFile(
    join(dir, 'index.html'),
    `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Export check (SurveyJS reference)</title>
<link rel="stylesheet" href="survey-core.min.css">
<script src="survey.core.min.js" defer></script>
<script src="survey-js-ui.min.js" defer></script>
</head>
<body>
<div id="survey"></div>
<script type="module">
const survey = new Survey.Model(${model});
SurveyUI.renderSurvey(survey, document.getElementById('survey'));
</script>
</body>
</html>
`,
  );
  return ['index.html', ...LIBRARY.map(([, to]) => to)];
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css' };

/** Serves `dir` on 127.0.0.1, uncached like the widget's test server. */
export async function serveReference(dir) {
  const server = createServer(async (req, res) => {
    const path = normalize(new URL(req.url, 'http://x').pathname);
    try {
      const body = await readFile(join(dir, path.endsWith('/') ? path + 'index.html' : path));
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}
