/** Types of web-build.mjs (plain Node, used before dependencies are installed). */
export declare const root: string;
export declare function webBuildReason(): 'missing' | 'stale' | undefined;
export declare function buildWeb(say?: (message: string) => void): Promise<void>;
export declare function ensureWebBuild(options?: { force?: boolean; say?: (message: string) => void }): Promise<boolean>;
