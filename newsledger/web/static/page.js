// The only script of the pages, and none of them needs it: it brings the event's trigger into view
// inside the article box, and folds the filter form and the facet lists on narrow screens.
(function () {
  var trigger = document.getElementById("trigger");
  var box = trigger && trigger.closest(".event-text");
  if (box) {
    var top = trigger.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    box.scrollTop = Math.max(0, top - box.clientHeight / 3);
    if (window.matchMedia("(min-width: 901px)").matches) {
      var r = trigger.getBoundingClientRect();
      if (r.bottom > window.innerHeight || r.top < 0) trigger.scrollIntoView({ block: "center" });
    }
  }
  if (window.matchMedia("(max-width: 640px)").matches) {
    document.querySelectorAll("details.facet[open], details.filter-box[open]").forEach(function (d) { d.removeAttribute("open"); });
  }
})();
