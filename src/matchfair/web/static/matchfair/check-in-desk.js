// The check-in desk: reads badges' QR codes with the camera and posts each to the server.
// The browser's BarcodeDetector decodes where it exists (Android, macOS); elsewhere the
// vendored jsQR reads the video frames from a canvas. Without a camera, the badge code
// field (a hand scanner types into it) and the search by name post the same form.
(function () {
  const desk = document.querySelector("[data-check-in-desk]");
  if (!desk) return;
  const result = desk.querySelector("[data-result]");
  const arrived = desk.querySelector("[data-arrived]");
  const deskName = desk.querySelector("[data-desk-name]");
  const tokenForm = desk.querySelector("[data-token-form]");
  const csrf = tokenForm.querySelector("input[name=csrfmiddlewaretoken]").value;
  const camera = desk.querySelector("[data-camera]");
  const video = desk.querySelector("[data-video]");
  const canvas = desk.querySelector("[data-canvas]");
  const start = desk.querySelector("[data-start-camera]");
  const stop = desk.querySelector("[data-stop-camera]");
  const noCamera = desk.querySelector("[data-no-camera]");
  const KEY = "matchfair-check-in-desk";
  const PAUSE_MS = 3000;

  // What was typed before this script ran wins over the name this phone remembers.
  if (!deskName.value) deskName.value = localStorage.getItem(KEY) || "";
  deskName.addEventListener("change", () => localStorage.setItem(KEY, deskName.value.trim()));
  desk.addEventListener("submit", (event) => {
    for (const copy of event.target.querySelectorAll("[data-desk-copy]")) copy.value = deskName.value;
  });

  function show(answer, kind) {
    result.hidden = false;
    result.className = "message " + kind;
    result.textContent = answer.message;
    if (typeof answer.arrived === "number") arrived.textContent = answer.arrived;
    if (navigator.vibrate) navigator.vibrate(kind === "success" ? 80 : [80, 60, 80]);
  }

  async function post(token) {
    try {
      const response = await fetch(desk.dataset.scanUrl, {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRFToken": csrf, Accept: "application/json" },
        body: JSON.stringify({ token: token, desk: deskName.value.trim() }),
        credentials: "same-origin",
      });
      const answer = await response.json();
      show(answer, answer.ok ? (answer.new ? "success" : "warning") : "error");
    } catch (error) {
      show({ message: desk.dataset.offline || String(error) }, "error");
    }
  }

  tokenForm.addEventListener("submit", (event) => {
    const token = tokenForm.querySelector("[name=token]").value.trim();
    if (!token) return;
    event.preventDefault();
    tokenForm.querySelector("[name=token]").value = "";
    post(token);
  });

  let stream = null;
  let detector = null;
  let last = { token: "", at: 0 };

  async function decode() {
    if (detector) {
      const codes = await detector.detect(video);
      return codes.length ? codes[0].rawValue : null;
    }
    const width = video.videoWidth;
    const height = video.videoHeight;
    if (!width || !height) return null;
    canvas.width = width;
    canvas.height = height;
    const context = canvas.getContext("2d", { willReadFrequently: true });
    context.drawImage(video, 0, 0, width, height);
    const found = window.jsQR(context.getImageData(0, 0, width, height).data, width, height, {
      inversionAttempts: "dontInvert",
    });
    return found ? found.data : null;
  }

  async function tick() {
    if (!stream) return;
    try {
      const token = await decode();
      const now = Date.now();
      if (token && (token !== last.token || now - last.at > PAUSE_MS)) {
        last = { token: token, at: now };
        await post(token);
      }
    } catch (error) {
      // A frame that cannot be read yet (the camera warming up): try the next one.
    }
    setTimeout(() => requestAnimationFrame(tick), 150);
  }

  async function startCamera() {
    try {
      stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
    } catch (error) {
      noCamera.hidden = false;
      return;
    }
    video.srcObject = stream;
    await video.play();
    camera.hidden = false;
    start.hidden = true;
    stop.hidden = false;
    tick();
  }

  function stopCamera() {
    if (stream) for (const track of stream.getTracks()) track.stop();
    stream = null;
    camera.hidden = true;
    start.hidden = false;
    stop.hidden = true;
  }

  async function prepare() {
    if ("BarcodeDetector" in window) {
      try {
        const formats = await window.BarcodeDetector.getSupportedFormats();
        if (formats.includes("qr_code")) detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      } catch (error) {
        detector = null;
      }
    }
    const canRead = detector || typeof window.jsQR === "function";
    if (!canRead || !(navigator.mediaDevices && navigator.mediaDevices.getUserMedia)) {
      noCamera.hidden = false;
      return;
    }
    start.hidden = false;
    start.addEventListener("click", startCamera);
    stop.addEventListener("click", stopCamera);
  }
  prepare();
})();
