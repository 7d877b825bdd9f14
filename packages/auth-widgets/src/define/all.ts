import './egov-auth.js';
import './egov-login.js';
import './egov-register.js';
import './egov-email-confirm.js';
import './egov-password-reset.js';
