// Share a product: the native share sheet (Zalo, Messenger, …) where there is one, else copy the link.
(function () {
  "use strict";
  document.querySelectorAll("[data-share]").forEach(function (box) {
    var data = { title: box.dataset.title, url: box.dataset.url };
    var status = box.querySelector(".share__status");
    var native = box.querySelector(".share__native");
    var copy = box.querySelector(".share__copy");
    if (navigator.share) {
      native.hidden = false;
      native.addEventListener("click", function () {
        navigator.share(data).catch(function () { /* the person closed the sheet */ });
      });
    }
    if (navigator.clipboard && window.isSecureContext) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(data.url).then(
          function () { status.textContent = "Đã sao chép liên kết."; },
          function () { status.textContent = "Không sao chép được, hãy chép địa chỉ trên thanh trình duyệt."; }
        );
      });
    }
  });
})();
