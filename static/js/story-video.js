/* Story videos: a link with a poster until the reader asks to play (no third-party
   request before that). On click, swap the link for the player in a 16:9 frame.
   Without JavaScript, or with a modifier key, the link simply opens the video. */
(function () {
    "use strict";

    document.addEventListener("click", function (event) {
        var link = event.target.closest ? event.target.closest("a[data-player]") : null;
        if (!link || event.defaultPrevented || event.button !== 0 ||
            event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) {
            return;
        }
        var src = link.getAttribute("data-player");
        if (!src || src.indexOf("https://") !== 0) {
            return;
        }
        event.preventDefault();

        var frame = document.createElement("iframe");
        frame.src = src;
        frame.title = link.getAttribute("data-title") || "Video";
        frame.setAttribute("allow", "autoplay; fullscreen; picture-in-picture; encrypted-media");
        frame.setAttribute("allowfullscreen", "");
        frame.setAttribute("loading", "lazy");
        frame.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");

        var box = document.createElement("div");
        box.className = "story-video__frame";
        box.appendChild(frame);
        link.parentNode.replaceChild(box, link);
        frame.focus();
    });
})();
