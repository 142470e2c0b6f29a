#!/usr/bin/env node
import '../dist/bundle/net.js';
