#!/usr/bin/env node
require('../build/cli/main.js').main();
