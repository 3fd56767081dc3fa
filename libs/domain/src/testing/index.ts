/**
 * Test helpers for specs in any folder (`@app/domain/testing`). Kept out of the library's
 * main index, and out of the build, because they use Jest's `expect`.
 */
export * from '../shared/testing/decider-specification';
export * from '../customer/testing/customer.fixtures';
export * from '../verifactu/testing/chain-records';
