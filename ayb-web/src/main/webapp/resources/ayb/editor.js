/*
 * The query editor: CodeMirror's SQL mode over the form's textarea. Ctrl/Cmd-Enter runs the
 * selection, else everything; the text is kept in localStorage per database across reloads.
 * Ctrl-Space (and a "." after a name) completes table and column names from the schema sidebar.
 */
var aybEditor = (function () {
  var editor = null;
  var storageKey = null;

  function run() {
    var button = document.querySelector('.run-button');
    if (button && !button.disabled) {
      save();
      button.click();
    }
  }

  /** Copies the text (and the selection, which runs alone when there is one) into the form. */
  function save() {
    if (!editor) {
      return;
    }
    editor.save();
    var selection = document.querySelector('input[id$=":selection"]');
    if (selection) {
      selection.value = editor.somethingSelected() ? editor.getSelection() : '';
    }
  }

  function remember() {
    if (storageKey) {
      try {
        localStorage.setItem(storageKey, editor.getValue());
      } catch (e) {
        // Storage full or disabled: the editor still works, it only forgets on reload.
      }
    }
  }

  /** The tables and columns listed in the schema sidebar, as CodeMirror's sql-hint wants them. */
  function tables() {
    var result = {};
    document.querySelectorAll('#schema li.schema-table').forEach(function (table) {
      var name = table.querySelector('.schema-name');
      if (name) {
        result[name.textContent.trim()] = Array.prototype.map.call(
          table.querySelectorAll('.schema-columns .mono'),
          function (column) { return column.textContent.trim(); });
      }
    });
    return result;
  }

  /** sql-hint's proposals; each list it shows gets an accessible name. */
  function hint(cm, options) {
    var result = CodeMirror.hint.sql(cm, options);
    if (result) {
      CodeMirror.on(result, 'shown', function () {
        document.querySelectorAll('.CodeMirror-hints').forEach(function (list) {
          list.setAttribute('aria-label', 'Table and column names');
        });
      });
    }
    return result;
  }

  function complete(cm) {
    if (typeof CodeMirror.showHint !== 'function') {
      return CodeMirror.Pass;
    }
    cm.showHint({ hint: hint, completeSingle: false, tables: tables() });
  }

  /** Puts SQL in the editor (the grid's "Edit in the editor"). */
  function edit(sql) {
    if (editor) {
      editor.setValue(sql);
      editor.focus();
      save();
    }
  }

  function init() {
    var textarea = document.querySelector('textarea.sql-input');
    if (!textarea || editor || typeof CodeMirror === 'undefined') {
      return;
    }
    var box = textarea.closest('[data-storage-key]');
    storageKey = box ? box.getAttribute('data-storage-key') : null;
    if (storageKey && !textarea.value) {
      try {
        textarea.value = localStorage.getItem(storageKey) || '';
      } catch (e) {
        // No storage: start empty.
      }
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
        'Ctrl-Space': complete,
        // Tab leaves the editor, so the page stays usable from the keyboard.
        'Tab': false,
        'Shift-Tab': false
      }
    });
    editor.on('change', function () {
      save();
      remember();
    });
    editor.on('inputRead', function (cm, change) {
      // Only after "name." : completing every word would make Enter pick a name instead of a line.
      if (change.text.length === 1 && change.text[0] === '.' && !cm.state.completionActive) {
        complete(cm);
      }
    });
    editor.getInputField().setAttribute('aria-label', 'SQL query');
    // A long query scrolls inside the editor: its scroll area is reachable from the keyboard too.
    editor.getScrollerElement().setAttribute('tabindex', '0');
    editor.getScrollerElement().setAttribute('aria-label', 'SQL query, scroll area');
  }

  document.addEventListener('DOMContentLoaded', init);
  return { save: save, run: run, edit: edit, get: function () { return editor; } };
})();
