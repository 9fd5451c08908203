/** The part of opus-recorder 8 (dist/recorder.min.js, UMD) the web badge uses. */
declare module 'opus-recorder' {
  export interface RecorderConfig {
    encoderPath?: string;
    encoderSampleRate?: number;
    encoderFrameSize?: number;
    encoderBitRate?: number;
    encoderApplication?: number;
    encoderComplexity?: number;
    numberOfChannels?: number;
    streamPages?: boolean;
    maxFramesPerPage?: number;
    mediaTrackConstraints?: MediaTrackConstraints | boolean;
    sourceNode?: AudioNode;
  }
  export default class Recorder {
    constructor(config?: RecorderConfig);
    static isRecordingSupported(): boolean;
    ondataavailable: (data: ArrayBuffer | Uint8Array) => void;
    onstart: () => void;
    onstop: () => void;
    readonly audioContext: AudioContext;
    readonly sourceNode: AudioNode;
    start(): Promise<void>;
    stop(): Promise<void>;
    close(): Promise<void>;
  }
}
