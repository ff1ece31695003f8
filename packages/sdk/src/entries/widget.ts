// The question widget's view, for previews (the dashboard's question editor): the same
// rendering the SDK's question chunk uses, without anything that decides when to ask.
export { DEFAULT_WIDGET_STRINGS, type WidgetStrings } from '../questions/widget-strings.js';
export {
  renderWidget,
  showThanks,
  type WidgetAnswer,
  type WidgetHandlers,
  type WidgetQuestion,
  type WidgetView,
} from '../questions/widget-view.js';
