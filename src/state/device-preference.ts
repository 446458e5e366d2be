/**
 * A choice kept on the device (language, 长辈模式): read once from storage,
 * held in memory, and announced to every mounted page so a switch re-renders
 * them all. Storage that is full or denied only costs the memory of it.
 */
import Taro from '@tarojs/taro';

export interface DevicePreference<T> {
  get: () => T;
  set: (value: T) => void;
  subscribe: (listener: () => void) => () => void;
}

export function devicePreference<T>(key: string, fromStored: (stored: unknown) => T, toStored: (value: T) => string = String): DevicePreference<T> {
  const listeners = new Set<() => void>();
  let current: { value: T } | undefined;
  return {
    get: () => {
      if (!current) {
        let stored: unknown;
        try {
          stored = Taro.getStorageSync(key);
        } catch {
          stored = undefined;
        }
        current = { value: fromStored(stored) };
      }
      return current.value;
    },
    set: (value) => {
      current = { value };
      try {
        Taro.setStorageSync(key, toStored(value));
      } catch {
        // Not kept on the device; the choice still holds for this session.
      }
      listeners.forEach((listener) => listener());
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
