// Emits claims.json: each of the debate's claims with its verdict, computed from the dataset and the scenarios.
import {checkedClaims} from "../../cli/claims-data.js";

process.stdout.write(JSON.stringify(checkedClaims()));
