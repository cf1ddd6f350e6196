/* The query editor: CodeMirror's SQL mode over the form's textarea; Ctrl/Cmd-Enter runs. */
var aybEditor = (function () {
  var editor = null;

  function run() {
    var button = document.querySelector('.run-button');
    if (button && !button.disabled) {
      save();
      button.click();
    }
  }

  function save() {
    if (editor) {
      editor.save();
    }
  }

  function init() {
    var textarea = document.querySelector('textarea.sql-input');
    if (!textarea || editor || typeof CodeMirror === 'undefined') {
      return;
    }
    editor = CodeMirror.fromTextArea(textarea, {
      mode: 'text/x-sqlite',
      lineNumbers: true,
      lineWrapping: true,
      indentWithTabs: false,
      viewportMargin: Infinity,
      placeholder: textarea.getAttribute('placeholder') || '',
      extraKeys: {
        'Ctrl-Enter': run,
        'Cmd-Enter': run,
        // Tab leaves the editor, so the page stays usable from the keyboard.
        'Tab': false,
        'Shift-Tab': false
      }
    });
    editor.on('change', save);
    editor.getInputField().setAttribute('aria-label', 'SQL query');
  }

  document.addEventListener('DOMContentLoaded', init);
  return { save: save, run: run, get: function () { return editor; } };
})();
