/**
 * What the CI documents say about tags and the parameter nodes that go with them (seed 004, "Operation.Tag supports
 * the following types" and the JobParam table; CiMediaJob's Operation takes the same nodes).
 */

/**
 * The tags of seed 004's list. The document misspells two of them (`Animatin`, `VoiceSpearte`) next to their right
 * spelling elsewhere in the same page; the right spellings are used here.
 */
export const DOCUMENTED_TAGS: readonly string[] = [
  "Animation", "SmartCover", "Transcode", "Snapshot", "SpeechRecognition", "Concat", "VideoMontage", "SDRtoHDR",
  "VoiceSeparate", "VideoProcess", "SuperResolution", "Segment", "VideoTag", "PicProcess", "DigitalWatermark",
  "ExtractDigitalWatermark", "MediaInfo", "StreamExtract", "Tts", "NoiseReduction", "QualityEstimate",
];

/** Tags whose jobs need no Output (the result is in the job description itself). */
export const TAGS_WITHOUT_OUTPUT: ReadonlySet<string> =
  new Set(["MediaInfo", "VideoTag", "ExtractDigitalWatermark", "QualityEstimate"]);

/** Tags whose Output.Object may be left out (seed 004, Output.Object's constraint). */
export const TAGS_WITHOUT_OUTPUT_OBJECT: ReadonlySet<string> = new Set(["Snapshot", "VoiceSeparate", "StreamExtract"]);

const ENHANCEMENT = ["VideoProcess", "SuperResolution", "SDRtoHDR"];

/**
 * Each parameter node (camelCase, as users write it) and the tags it "will take effect" for. The document writes
 * SDRtoHDR as `SDR2HDR` in three rows; the tag is SDRtoHDR.
 */
export const PARAMETER_NODE_TAGS: Readonly<Record<string, readonly string[]>> = {
  transcodeTemplateId: ENHANCEMENT,
  animation: ["Animation"],
  transcode: ["Transcode", ...ENHANCEMENT],
  smartCover: ["SmartCover"],
  digitalWatermark: ["Transcode", "VideoProcess", "SuperResolution", "DigitalWatermark"],
  watermark: ["Transcode", ...ENHANCEMENT],
  watermarkTemplateId: ["Transcode", ...ENHANCEMENT],
  removeWatermark: ["Transcode"],
  snapshot: ["Snapshot"],
  speechRecognition: ["SpeechRecognition"],
  concatTemplate: ["Concat"],
  voiceSeparate: ["VoiceSeparate"],
  videoMontage: ["VideoMontage"],
  sdrToHdr: ["SDRtoHDR"],
  videoProcess: ["VideoProcess"],
  superResolution: ["SuperResolution"],
  segment: ["Segment"],
  extractDigitalWatermark: ["ExtractDigitalWatermark"],
  videoTag: ["VideoTag"],
  ttsTpl: ["Tts"],
};

/** Output nodes that take effect for one tag only. */
export const OUTPUT_NODE_TAGS: Readonly<Record<string, readonly string[]>> = {
  spriteObject: ["Snapshot"], auObject: ["VoiceSeparate"], streamExtract: ["StreamExtract"],
};

/** TDMQ regions a callback may go to (seed 004, CallBackMqConfig.MqRegion). */
export const MQ_REGIONS: readonly string[] = ["sh", "bj", "gz", "cd", "hk"];
