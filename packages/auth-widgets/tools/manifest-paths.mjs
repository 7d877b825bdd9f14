import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const packageDir = fileURLToPath(new URL('..', import.meta.url));
export const manifestPath = path.join(packageDir, 'custom-elements.json');
export const readmePath = path.join(packageDir, 'README.md');
export const reactDir = path.join(packageDir, 'src', 'react');
