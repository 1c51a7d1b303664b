/** Letters only one supported language writes: a speaker's name spelled with them tells the language they speak. */
const DISTINCTIVE_LETTERS: Record<string, RegExp> = {
  vi: /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu,
};

export function speakerLanguage(name: string): string | undefined {
  const normalised = name.normalize('NFC');
  return Object.entries(DISTINCTIVE_LETTERS).find(([, letters]) => letters.test(normalised))?.[0];
}
