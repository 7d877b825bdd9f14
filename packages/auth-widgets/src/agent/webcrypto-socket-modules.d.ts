// The browser builds of the Fortify client and its protobuf runtime have no
// declarations of their own: they are loaded only for the globals they set
// (see fortify.ts and fortify-peculiar.ts; webcrypto-socket.ts types what is used).
declare module 'protobufjs/dist/light/protobuf.min.js';
declare module '@webcrypto-local/client/build/webcrypto-socket.mjs';
declare module '@peculiar/fortify-webcomponents/components/protobuf.js';
declare module '@peculiar/fortify-webcomponents/components/webcrypto-socket.js';
