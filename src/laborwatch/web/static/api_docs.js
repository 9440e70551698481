// Starts Swagger UI on the app's own OpenAPI document. No validator badge: it would
// send the document to validator.swagger.io, and the app loads nothing from outside.
(function () {
  const root = document.getElementById("swagger-ui");
  window.ui = SwaggerUIBundle({
    url: root.dataset.openapi,
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    layout: "BaseLayout",
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIBundle.SwaggerUIStandalonePreset],
    // "Try it out" writes carry the CSRF token, as the app asks of any write
    // without a bearer token; only to this origin.
    requestInterceptor: (request) => {
      if (new URL(request.url, window.location.href).origin === window.location.origin) {
        request.headers["X-CSRF-Token"] = root.dataset.csrf;
      }
      return request;
    },
  });
})();
