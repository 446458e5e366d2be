export { SceneTabs, type Props as SceneTabsProps } from './scene-tabs';
