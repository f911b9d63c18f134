// Runs in the browser: starts Swagger UI on the OpenAPI document the page names.
// A separate file, not an inline script, so the page's Content-Security-Policy
// can refuse every script that is not served by the app itself.
const mount = document.getElementById("api-reference");
window.ui = window.SwaggerUIBundle({
  url: mount.dataset.openapi,
  domNode: mount,
  presets: [window.SwaggerUIBundle.presets.apis],
  layout: "BaseLayout",
  deepLinking: true,
  // A box that narrows the list to the resources (tags) whose name matches.
  filter: true,
  // "Try it out" is open on every operation: the page is for trying the API.
  tryItOutEnabled: true,
  displayRequestDuration: true,
  // Swagger UI would otherwise send the document to its public validator.
  validatorUrl: null,
  // Once the document declares a security scheme, the Authorize button takes
  // a bearer token; keep it across reloads.
  persistAuthorization: true,
});
