/* Small behaviours of every page: option buttons announce their state, long grid cells expand. */
(function () {
  // PrimeFaces' option buttons are role="radio" without aria-checked: mirror their active state.
  function syncOptionButtons(root) {
    (root || document).querySelectorAll('.ui-selectonebutton [role="radio"]').forEach(function (b) {
      var checked = b.classList.contains('ui-state-active') ? 'true' : 'false';
      if (b.getAttribute('aria-checked') !== checked) {
        b.setAttribute('aria-checked', checked);
      }
    });
  }

  // PrimeFaces' message lists give their items role="alert", so they are no list items any more:
  // the list keeps announcing them (its container is a live region), its items are items again.
  function fixMessageLists(root) {
    (root || document).querySelectorAll('.ui-messages ul').forEach(function (list) {
      Array.prototype.slice.call(list.children).forEach(function (child) {
        if (child.tagName !== 'LI') {
          list.parentNode.insertBefore(child, list);
        } else if (child.hasAttribute('role')) {
          child.removeAttribute('role');
        }
      });
    });
  }

  function onGridClick(event) {
    var button = event.target.closest('.cell-expand, .cell-copy, .cell-hex');
    if (!button) {
      return;
    }
    var cell = button.closest('td');
    if (button.classList.contains('cell-hex')) {
      // A BLOB's first bytes, read with the page but shown only when asked for.
      var hex = cell.querySelector('.cell-hex-value');
      var shown = hex.hidden;
      hex.hidden = !shown;
      button.setAttribute('aria-expanded', shown ? 'true' : 'false');
      button.setAttribute('aria-label', shown ? 'Hide the hexadecimal' : 'Show the first bytes in hexadecimal');
    } else if (button.classList.contains('cell-expand')) {
      var open = cell.classList.toggle('cell-open');
      button.setAttribute('aria-expanded', open ? 'true' : 'false');
      button.setAttribute('aria-label', open ? 'Clip the value' : 'Show the whole value');
    } else if (navigator.clipboard) {
      navigator.clipboard.writeText(cell.querySelector('.cell-value').textContent).then(function () {
        button.setAttribute('aria-label', 'Copied');
      }, function () {});
    }
  }

  document.addEventListener('DOMContentLoaded', function () {
    syncOptionButtons();
    fixMessageLists();
    new MutationObserver(function () { syncOptionButtons(); fixMessageLists(); })
      .observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
    document.addEventListener('click', onGridClick);
  });
})();
