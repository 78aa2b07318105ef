// Photo Sphere Viewer's interface in Vietnamese (its `lang` option), for the public viewer and the
// admin's hotspot picker alike.
export const LANG = {
  zoom: "Thu phóng",
  zoomOut: "Thu nhỏ",
  zoomIn: "Phóng to",
  moveUp: "Nhìn lên",
  moveDown: "Nhìn xuống",
  moveLeft: "Xoay sang trái",
  moveRight: "Xoay sang phải",
  description: "Mô tả",
  download: "Tải về",
  fullscreen: "Toàn màn hình",
  loading: "Đang tải…",
  menu: "Trình đơn",
  close: "Đóng",
  twoFingers: "Dùng hai ngón tay để xoay ảnh",
  ctrlZoom: "Giữ Ctrl và cuộn chuột để phóng to",
  loadError: "Không tải được ảnh 360° này",
  webglError: "Trình duyệt không hỗ trợ WebGL",
  gyroscope: "Xoay theo điện thoại",
  markers: "Điểm tương tác",
  markersList: "Danh sách điểm tương tác",
};
