import { appConfig } from '../../libs/web-ui/vite.shared';

export default appConfig(5173, 'http://localhost:8081');
