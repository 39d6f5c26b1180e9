/** Types of temporal-cli.mjs (plain Node, used before dependencies are installed). */
export declare function ensureTemporalCli(options?: { say?: (message: string) => void }): Promise<string>;
