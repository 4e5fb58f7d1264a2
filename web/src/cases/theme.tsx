import { ConfigProvider } from 'antd';
import type { ReactNode } from 'react';

// antd's error red (#ff4d4f) on white is 3.3:1, below WCAG AA for the form's error messages;
// this red is 6:1. Nested inside the app's ConfigProvider, it only adds to its theme.
const theme = { token: { colorError: '#cf1322' } };

/** The workbenches' additions to the app theme. */
export function WorkbenchTheme({ children }: { children: ReactNode }) {
  return <ConfigProvider theme={theme}>{children}</ConfigProvider>;
}
