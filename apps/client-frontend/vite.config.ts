import { appConfig } from '../../libs/web-ui/vite.shared';

export default appConfig(5174, 'http://localhost:8082');
