// The kit exports its Custom Elements Manifest as a JSON module; Vite imports
// JSON as is, and this gives it its type (the workspace's TypeScript has no
// resolveJsonModule).
declare module '@egov/auth-widgets/custom-elements.json' {
  const manifest: import('./manifest.ts').CustomElementsManifest;
  export default manifest;
}
