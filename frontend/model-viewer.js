// <model-viewer> and three.js, hundreds of KB: fetched by model3d.js only when someone opens a
// product's 3D model, never on a page's first load.
import "@google/model-viewer";
