/**
 * The parts of age-encryption that net uses, imported by name so that the bundle's lazily loaded chunk keeps only what
 * they reach. That saves little (a 368 KB chunk rather than 380 KB: Encrypter and Decrypter reach every kind of
 * recipient, post-quantum ones included), but it names in one place what net takes from the package. app/sync-crypto.ts
 * loads this module on first use; no other command loads it.
 */
export { Decrypter, Encrypter, generateX25519Identity, identityToRecipient } from 'age-encryption';
