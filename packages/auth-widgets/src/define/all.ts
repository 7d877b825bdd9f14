import './egov-auth.js';
import './egov-login.js';
