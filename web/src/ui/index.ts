// The design system: import from '../ui' (or '../../ui') rather than from the files.
export { Button, ButtonLink, type ButtonProps, type ButtonVariant } from './Button';
export { Field, Hint, ErrorMessage, describedBy, type FieldBaseProps } from './Field';
export { TextInput, Textarea, Select, type SelectOption } from './inputs';
export { DateInput, normalizeDate, splitDate } from './DateInput';
export { Radios, Checkboxes, type ChoiceOption } from './choices';
export { ErrorSummary, type FormError } from './ErrorSummary';
export { Tag, StatusTag, TimelinessTag, statusColour, type TagColour } from './Tag';
export { Panel, NotificationBanner, InsetText, Details } from './Panel';
export { SummaryList, type SummaryRow } from './SummaryList';
export { Table, type Column } from './Table';
export { Tabs, type TabItem } from './Tabs';
export { Breadcrumbs, Pagination, SkipLink, type Crumb } from './nav';
export { Spinner, Loading, EmptyState, ErrorState, ProgressBar } from './states';
export { Header } from './Header';
export { Footer } from './Footer';
