/** MPS smart-production algorithms (FunctionName), from the API reference and older docs. */

/** Every documented FunctionName. Others are accepted with a warning: availability varies by region. */
export const KNOWN_FUNCTIONS: readonly string[] = [
  "VideoH2V", "VideoDelogo", "Cover", "VideoClip", "ImageH2V", "ImageDelogo", "CaptionExtraction", "VideoDetext",
  "VideoGreenScreenMatting", "MusicSegmentDetect", "AudioMixing", "AudioBeatDetection", "ImageCartoonize",
  "AudioQualityAssessment", "FaceBeauty", "SpeechDenoise",
  // Older docs.
  "ImageMatting", "VideoSplit", "ASR", "AsyncTextToSpeech", "TextToSpeech",
];

/** Algorithms with several results: the Output needs `{sequenceId}` so each result gets its own object. */
export const MULTI_RESULT_FUNCTIONS: ReadonlySet<string> = new Set(["Cover", "VideoSplit"]);

/** Algorithms that report data instead of writing objects: Output is optional for them. */
export const NO_OUTPUT_FUNCTIONS: ReadonlySet<string> =
  new Set(["MusicSegmentDetect", "AudioBeatDetection", "AudioQualityAssessment", "ASR"]);

/** Algorithms whose input is in JobParams (the text to speak): Input is optional for them, as the API allows. */
export const NO_INPUT_FUNCTIONS: ReadonlySet<string> = new Set(["TextToSpeech", "AsyncTextToSpeech"]);

export function isKnownFunction(name: string): boolean {
  return KNOWN_FUNCTIONS.includes(name);
}

export function unknownFunctionWarning(name: string): string {
  return `functionName "${name}" is not among the documented MPS smart-production algorithms ` +
    `(${KNOWN_FUNCTIONS.join(", ")}); it is sent as given, but it may not be available in your region.`;
}
