// Globals other code on a portal has already taken.
window.define = function define() {};
window.define.amd = { jQuery: true };
window.Yew = 'not yours';
window.wasmBindings = 'not yours';
customElements.define('other-widget', class extends HTMLElement {
  connectedCallback() {
    this.textContent = 'Another widget';
  }
});
