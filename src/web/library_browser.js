// Emscripten's Browser object (src/library_browser.js, MIT), cut to what the widget's program
// uses of it: the main loop, and what GLFW asks of it for one window on one canvas. The rest
// (file preloading plugins for images and audio, full screen, pointer lock, getUserMedia, the
// Module.* exports) is never called by the widget, and cost 3 KB gzip on every first load.
// Everything kept behaves as Emscripten's does for a page that is not in full screen.
mergeInto(LibraryManager.library, {
  $Browser__deps: ['$setMainLoop', '$callUserCallback', 'emscripten_set_main_loop_timing', '$GL'],
  $Browser__postset: '',
  $Browser: {
    mainLoop: {
      running: false,
      scheduler: null,
      method: '',
      currentlyRunningMainloop: 0,
      func: null,
      arg: 0,
      timingMode: 0,
      timingValue: 0,
      currentFrameNumber: 0,
      queue: [],  // no blockers are ever pushed: the loop's runner only reads its length
      pause: function() {
        Browser.mainLoop.scheduler = null;
        Browser.mainLoop.currentlyRunningMainloop++;
      },
      resume: function() {
        Browser.mainLoop.currentlyRunningMainloop++;
        var timingMode = Browser.mainLoop.timingMode;
        var timingValue = Browser.mainLoop.timingValue;
        var func = Browser.mainLoop.func;
        Browser.mainLoop.func = null;
        setMainLoop(func, 0, false, Browser.mainLoop.arg, true);
        _emscripten_set_main_loop_timing(timingMode, timingValue);
        Browser.mainLoop.scheduler();
      },
      updateStatus: function() {},
      runIter: function(func) {
        if (ABORT) return;
        callUserCallback(func);
      }
    },
    pointerLock: false,

    // GLFW's window with a context: a WebGL 2 context made current, as Emscripten makes it.
    createContext: function(canvas, useWebGL, setInModule, webGLContextAttributes) {
      if (useWebGL && Module.ctx && canvas == Module.canvas) return Module.ctx;
      Browser.init();
      var contextAttributes = {antialias: false, alpha: false, majorVersion: 2};
      for (var attribute in webGLContextAttributes) {
        contextAttributes[attribute] = webGLContextAttributes[attribute];
      }
      var contextHandle = GL.createContext(canvas, contextAttributes);
      if (!contextHandle) return null;
      Module.ctx = GL.getContext(contextHandle).GLctx;
      GL.makeContextCurrent(contextHandle);
      return Module.ctx;
    },
    destroyContext: function() {},
    // GLFW (with a context or without) releases the pointer lock on every normal-cursor frame; the
    // widget never takes it, and must not release one the host page holds.
    init: function() {
      Module['canvas'].exitPointerLock = function() {};
    },
    requestFullscreen: function() {},
    exitFullscreen: function() {},

    requestAnimationFrame: function(func) {
      requestAnimationFrame(func);
    },

    getMouseWheelDelta: function(event) {
      switch (event.type) {
        case 'mousewheel':
          return event.wheelDelta / 120;
        case 'wheel':
          // pixels: 100 to a step; lines: 3; pages: 80 steps
          return event.deltaY * [0.01, 1 / 3, 80][event.deltaMode];
      }
      return 0;
    },

    mouseX: 0,
    mouseY: 0,
    // The pointer in the canvas's pixels (touch events carry no position for GLFW: as in Emscripten).
    calculateMouseEvent: function(event) {
      if (event.type[0] == 't') return;
      var canvas = Module['canvas'];
      var rect = canvas.getBoundingClientRect();
      Browser.mouseX = (event.pageX - (scrollX + rect.left)) * (canvas.width / rect.width);
      Browser.mouseY = (event.pageY - (scrollY + rect.top)) * (canvas.height / rect.height);
    },

    resizeListeners: [],
    updateResizeListeners: function() {
      var canvas = Module['canvas'];
      Browser.resizeListeners.forEach(function(listener) {
        listener(canvas.width, canvas.height);
      });
    },
    setCanvasSize: function(width, height, noUpdates) {
      Browser.updateCanvasDimensions(Module['canvas'], width, height);
      if (!noUpdates) Browser.updateResizeListeners();
    },
    updateCanvasDimensions: function(canvas, width, height) {
      if (canvas.width != width) canvas.width = width;
      if (canvas.height != height) canvas.height = height;
      canvas.style.removeProperty('width');
      canvas.style.removeProperty('height');
    }
  }
});
