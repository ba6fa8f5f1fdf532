/**
 * The classic-script entry publishers load with `<script src=".../folio.js">`: defines every
 * element. Bundled as one self-contained IIFE with Lit inside.
 */
import './index.js';
