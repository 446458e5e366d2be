export { ServiceTile, type Props as ServiceTileProps } from './service-tile';
