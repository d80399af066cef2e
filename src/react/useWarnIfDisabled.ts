'use client';
import { useEffect } from 'react';
import type { ComponentName } from '../core/componentNames';
import type { ComponentSecretStatus } from './componentTypes';
import { warnOnce } from './warnOnce';

/** In development, warns once per component when the session does not enable it. */
export function useWarnIfDisabled(component: ComponentName, status: ComponentSecretStatus): void {
  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' && status === 'disabled') {
      warnOnce(
        component,
        `The Customer Session does not enable ${component}, so it renders without the customer. Enable components[${component}][enabled] on your server and list '${component}' in the provider's components.`,
      );
    }
  }, [component, status]);
}
