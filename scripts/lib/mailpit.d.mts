/** Types of mailpit.mjs (plain Node, used before dependencies are installed). */
export declare function ensureMailpit(options?: { say?: (message: string) => void }): Promise<string>;
