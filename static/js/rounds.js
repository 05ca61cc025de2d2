// Comment rounds, enhanced: selecting text in a paragraph offers it as the quoted
// passage of that paragraph's comment form. Without JavaScript the forms work as they are.
(function () {
  "use strict";

  function paragraphOf(node) {
    var element = node && (node.nodeType === 1 ? node : node.parentElement);
    return element ? element.closest(".paragraph[data-block]") : null;
  }

  document.addEventListener("mouseup", function () {
    var selection = window.getSelection();
    if (!selection || selection.isCollapsed) return;
    var paragraph = paragraphOf(selection.anchorNode);
    if (!paragraph || paragraph !== paragraphOf(selection.focusNode)) return;
    var form = paragraph.querySelector("details.comment-form");
    var quote = form && form.querySelector("textarea[name=quote]");
    var text = selection.toString().replace(/\s+/g, " ").trim();
    if (!quote || !text) return;
    quote.value = text.slice(0, 1000);
    form.open = true;
    var comment = form.querySelector("textarea[name=text]");
    if (comment) comment.focus();
  });
})();
