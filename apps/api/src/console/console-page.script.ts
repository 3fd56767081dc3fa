/**
 * `/console/assets/console.js`, on every page: shows a range input's value in the `<output>`
 * its `data-shows-in` names (the timeline's version slider), without an inline handler, so
 * the pages run under the console's Content-Security-Policy.
 */
export const CONSOLE_PAGE_SCRIPT = `(function () {
  'use strict';
  document.addEventListener('input', function (event) {
    var input = event.target;
    var shownIn = input && input.getAttribute && input.getAttribute('data-shows-in');
    var output = shownIn && document.getElementById(shownIn);
    if (output) output.value = input.value;
  });
})();
`;
