package com.example.forks;

@SharedStack
class SharedThreeIT extends UsesTheBox {
}
