// The script of the static example, served from /static/js/index.js. It
// proves that it ran by filling in the status line of the page.
document.addEventListener("DOMContentLoaded", function () {
  document.getElementById("js-status").textContent = "index.js ran";
});
