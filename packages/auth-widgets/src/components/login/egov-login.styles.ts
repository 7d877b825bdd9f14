import { formStyles } from '../../styles/form-styles.js';

/** `<egov-login>` uses the shared light-DOM form styles and adds nothing of its own yet. */
export const loginStyles = formStyles;
