export { ScenePicker, type Props as ScenePickerProps } from './scene-picker';
