// Copy buttons: a button[data-copy] puts the text of the element it names on the clipboard.
// The buttons stay hidden without JavaScript; the text beside them can be selected by hand.
"use strict";
document.querySelectorAll("button[data-copy]").forEach(function (button) {
  const label = button.textContent;
  button.hidden = false;
  button.addEventListener("click", function () {
    const text = document.getElementById(button.dataset.copy).textContent;
    navigator.clipboard.writeText(text).then(function () {
      button.textContent = "Copied";
    }, function () {
      button.textContent = "Select and copy by hand";
    });
    setTimeout(function () { button.textContent = label; }, 2000);
  });
});
