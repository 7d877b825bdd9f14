import type { PinDialogMessages } from '../en/pin-dialog.js';
import { plural } from '../../plural.js';

/** Simplified Chinese texts of the demo agent's PIN dialog (`SoftAgent`). */
export const pinDialog: PinDialogMessages = {
  pinDialogTitle: '演示代理程序——测试密钥，并非真实的智能卡',
  pinDialogPrompt: (label: string) => `请输入“${label}”的 PIN 码。`,
  pinDialogTriesLeft: (count: number) => `还剩 ${count} ${plural('zh-Hans', count, { other: '次机会' })}。`,
  pinDialogFinalTry: '最后一次机会：PIN 码输错将锁定此测试 USB Key。',
  pinDialogPin: 'PIN 码',
  pinDialogCancel: '取消',
  pinDialogOk: '确定',
};
