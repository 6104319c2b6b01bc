// Syntax-only parse of Bicep files with the tree-sitter Bicep grammar, for .ci/validate-infra.sh when no Bicep CLI can
// be had. Prints each syntax error as file:line:column and exits 1 if there is any. It knows the grammar only: types,
// references, API versions and lint rules need the Bicep compiler.
const fs = require('fs');
const Parser = require('web-tree-sitter');

const flag = (node, name) => (typeof node[name] === 'function' ? node[name]() : node[name]);

function syntaxErrors(node, found) {
  if (node.type === 'ERROR' || flag(node, 'isMissing')) {
    found.push(node);
  } else if (flag(node, 'hasError')) {
    for (const child of node.children) {
      syntaxErrors(child, found);
    }
  }
  return found;
}

(async () => {
  await Parser.init();
  const bicep = await Parser.Language.load(require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm'));
  const parser = new Parser();
  parser.setLanguage(bicep);
  let count = 0;
  for (const file of process.argv.slice(2)) {
    for (const node of syntaxErrors(parser.parse(fs.readFileSync(file, 'utf8')).rootNode, [])) {
      const near = node.text.slice(0, 60).replace(/\s+/g, ' ');
      console.log(`${file}:${node.startPosition.row + 1}:${node.startPosition.column + 1}: syntax error near '${near}'`);
      count++;
    }
  }
  console.log(`bicep-syntax: ${process.argv.length - 2} files, ${count} syntax errors`);
  process.exit(count === 0 ? 0 : 1);
})();
